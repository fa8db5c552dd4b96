/**
 * The books: what Dune bills and camel-dune counts. {@code CreditGuard} is where an endpoint sends a billed request
 * (reserve its expected cost, send, settle); {@code CreditLedger} keeps a component's credits by kind, its reservations
 * and the executions followed until their cost is known ({@code ExecutionSettler}); {@code CreditBudget} is a rolling
 * window of reserved, settled and reconciled credits, checked and reserved in one step; {@code CostEstimates} says what
 * an execution is expected to cost; {@code UsageReconciler} reads the account's usage; {@code Prices} holds Dune's
 * prices once.
 *
 * <p>It may use {@code client} (the calls' billing, the usage read, the cost report it implements), {@code model},
 * {@code exception} and {@code metrics}.
 */
package io.github.cameldune.dune.credits;
