package io.consulta.appointment.domain;

public enum VisitType {
    IN_PERSON, VIDEO
}
