package io.consulta.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonFieldsTest {

    private static JsonNode json(String text) throws IOException {
        return ApiClient.JSON.readTree(text.replace('\'', '"'));
    }

    private static ObjectNode object(String text) throws IOException {
        return (ObjectNode) json(text);
    }

    @Test
    void aProfileHoldsTheWantedFieldsWhateverElseItCarries() throws IOException {
        JsonNode stored = json("{'id':'u1','name':'Gregory House','specialty':'Internal medicine','languages':['en'],"
                + "'consultationFee':120.00,'version':4}");

        assertThat(JsonFields.holds(stored, object("{'name':'Gregory House','languages':['en'],'consultationFee':120}")))
                .isTrue();
        assertThat(JsonFields.holds(stored, object("{'specialty':'Family medicine'}"))).isFalse();
        assertThat(JsonFields.holds(stored, object("{'languages':['en','pt']}"))).isFalse();
        assertThat(JsonFields.holds(stored, object("{'bio':'Missing here'}"))).isFalse();
    }

    @Test
    void absentAndNullAreTheSame() throws IOException {
        assertThat(JsonFields.holds(json("{'name':'Bob'}"), object("{'photoMediaId':null}"))).isTrue();
        assertThat(JsonFields.holds(null, object("{'name':'Bob'}"))).isFalse();
    }

    @Test
    void nestedHoursMustMatchExactlyNotJustPartly() throws IOException {
        ObjectNode wanted = object("{'weeklyHours':{'MONDAY':[{'start':'09:00','end':'12:30'}]}}");

        assertThat(JsonFields.holds(json("{'weeklyHours':{'MONDAY':[{'start':'09:00','end':'12:30'}]}}"), wanted)).isTrue();
        assertThat(JsonFields.holds(json("{'weeklyHours':{'MONDAY':[{'start':'09:00','end':'12:30'}],"
                + "'SATURDAY':[{'start':'09:00','end':'12:00'}]}}"), wanted)).isFalse();
        assertThat(JsonFields.holds(json("{'weeklyHours':{'MONDAY':[{'start':'09:00','end':'13:00'}]}}"), wanted)).isFalse();
    }

    @Test
    void theReplacementKeepsEditableFieldsTheDemoDoesNotSetAndDropsReadOnlyOnes() throws IOException {
        JsonNode stored = json("{'id':'u1','role':'patient','name':'Alice','photoMediaId':'m-7','phone':'+351 1',"
                + "'version':3}");

        ObjectNode body = JsonFields.overlay(stored, List.of("name", "phone", "photoMediaId", "dateOfBirth"),
                object("{'phone':'+351 912 345 678','dateOfBirth':'1990-04-12'}"));

        assertThat(body).isEqualTo(json("{'name':'Alice','photoMediaId':'m-7','phone':'+351 912 345 678',"
                + "'dateOfBirth':'1990-04-12'}"));
    }

    @Test
    void withNothingStoredTheReplacementIsWhatTheDemoWants() throws IOException {
        ObjectNode wanted = object("{'timeZone':'Europe/Lisbon'}");

        assertThat(JsonFields.overlay(null, List.of("timeZone", "dateOverrides"), wanted)).isEqualTo(wanted);
    }
}
