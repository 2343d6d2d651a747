#!/bin/sh
# A single-node KRaft broker, configured like local-stack's Kafka (io.consulta.localstack.Kafka), except that it
# listens on all interfaces and advertises the container's name (KAFKA_ADVERTISED_HOST, default kafka).
set -eu
data=/var/lib/kafka
cp=/opt/consulta/lib/*
cat > "$data/server.properties" <<PROPERTIES
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@localhost:9093
listeners=PLAINTEXT://0.0.0.0:9092,CONTROLLER://localhost:9093
advertised.listeners=PLAINTEXT://${KAFKA_ADVERTISED_HOST:-kafka}:9092
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$data/logs
num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPERTIES
if [ ! -f "$data/logs/meta.properties" ]; then
  java -Xmx128m -XX:TieredStopAtLevel=1 -cp "$cp" kafka.tools.StorageTool format \
    --cluster-id="$(java -Xmx64m -cp "$cp" kafka.tools.StorageTool random-uuid)" --config="$data/server.properties"
fi
exec java ${KAFKA_HEAP:--Xmx512m} -XX:+UseSerialGC -Djava.awt.headless=true \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info \
  -cp "$cp" kafka.Kafka "$data/server.properties"
