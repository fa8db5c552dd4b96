package io.github.cameldune.examples.springboot;

import io.github.cameldune.emulator.DuneEmulator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application with camel-dune-starter: {@code application.yml} configures the component, a timer runs a
 * query, and Actuator's health at {@code /actuator/health} includes the component's health check. Unless
 * {@code -Ddune.emulator.enabled=false} (then {@code DUNE_API_KEY} is the key), it starts the emulator in-process and
 * points the component at it.
 */
@SpringBootApplication
public class DuneSpringBootApp {

    /** Starts the application. */
    public static void main(String[] args) {
        if (!"false".equalsIgnoreCase(System.getProperty("dune.emulator.enabled"))) {
            DuneEmulator emulator = DuneEmulator.builder().build().start();
            System.setProperty("DUNE_BASE_URL", emulator.baseUrl());
            System.setProperty("DUNE_API_KEY", emulator.apiKey());
        }
        SpringApplication.run(DuneSpringBootApp.class, args);
    }
}
