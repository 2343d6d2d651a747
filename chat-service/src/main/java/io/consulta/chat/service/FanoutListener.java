package io.consulta.chat.service;

import java.util.List;

/** Receives what other replicas published on the fan-out topic, a poll's worth at a time. */
public interface FanoutListener {

    void onFanout(List<FanoutRecord> records);
}
