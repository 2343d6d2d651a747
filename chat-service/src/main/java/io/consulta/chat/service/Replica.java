package io.consulta.chat.service;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** This running instance of chat-service, among the replicas behind the load balancer. */
@ApplicationScoped
public class Replica {

    private final String id = UUID.randomUUID().toString().replace("-", "").substring(0, 16);

    public String id() {
        return id;
    }
}
