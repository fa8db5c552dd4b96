package io.github.cameldune.examples;

/** A query's rows posted as JSON to {@code example.webhook-url} on a schedule. */
public final class WebhookApp {

    private WebhookApp() {}

    /** Runs the example until its messages are done. */
    public static void main(String[] args) throws Exception {
        ExampleRunner.run(new WebhookRoutes(), "webhook.properties", args);
    }
}
