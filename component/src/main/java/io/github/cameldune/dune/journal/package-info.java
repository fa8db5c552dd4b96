/**
 * The execution journal: a message's request key recorded before its execute and its execution id after, over any
 * Camel {@code StateRepository} the replicas share, so that a redelivered message does not execute again.
 * {@code JournalEntry} is the rule as a type (none, pending, executed); {@code KafkaStateRepository} is a repository on
 * a compacted Kafka topic, for applications that have Kafka's client. It uses {@code exception} only.
 */
package io.github.cameldune.dune.journal;
