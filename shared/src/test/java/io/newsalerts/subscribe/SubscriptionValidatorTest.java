package io.newsalerts.subscribe;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsalerts.domain.Severity;
import io.newsalerts.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubscriptionValidatorTest {

    private final SubscriptionValidator validator =
            new SubscriptionValidator(Set.of("Islamic State", "Islamic Resistance in Iraq", "Hezbollah"));

    @Test
    void aFullRequestIsNormalisedAndBecomesAFilterPolicy() {
        SubscriptionRequest r = validator.parse("""
                {"protocol": "email", "endpoint": "Ana@Example.ORG",
                 "actors": ["islamic state", "Islamic State"], "regions": ["iq", "SY"],
                 "eventTypes": ["Drone  attack"], "minSeverity": "medium"}""");
        assertThat(r.protocol()).isEqualTo(Protocol.EMAIL);
        assertThat(r.endpoint()).isEqualTo("Ana@example.org");
        assertThat(r.actors()).containsExactly("Islamic State");
        assertThat(r.regions()).containsExactly("IQ", "SY");
        assertThat(r.eventTypes()).containsExactly("drone attack");
        assertThat(r.minSeverity()).isEqualTo(Severity.MEDIUM);
        assertThat(r.delivery()).isEqualTo(DeliveryMode.INSTANT);
        assertThat(r.filterPolicyJson()).isEqualTo("{\"actor\":[\"Islamic State\"],\"regions\":[\"IQ\",\"SY\"],"
                + "\"eventType\":[\"drone attack\"],\"severityLevel\":[{\"numeric\":[\">=\",2]}],"
                + "\"delivery\":[\"instant\"]}");
    }

    @Test
    void aRequestWithoutFiltersSelectsOnlyItsDeliveryMode() {
        SubscriptionRequest r = validator.parse("{\"protocol\":\"sms\",\"endpoint\":\"+44 7700 900123\"}");
        assertThat(r.endpoint()).isEqualTo("+447700900123");
        assertThat(r.filter()).isEqualTo(AlertFilter.ANY);
        assertThat(r.filterPolicyJson()).isEqualTo("{\"delivery\":[\"instant\"]}");
    }

    @Test
    void aDigestSubscriptionCarriesItsCanonicalFilterInItsPolicy() {
        SubscriptionRequest r = validator.parse("""
                {"protocol": "email", "endpoint": "ana@example.org", "delivery": "Digest",
                 "regions": ["SY", "Iraq"], "actors": ["islamic state"], "minSeverity": "high"}""");
        assertThat(r.delivery()).isEqualTo(DeliveryMode.DIGEST);
        String canonical = "{\"actors\":[\"Islamic State\"],\"regions\":[\"IQ\",\"SY\"],\"minSeverity\":\"high\"}";
        assertThat(r.filterPolicy()).isEqualTo(Json.object().<ObjectNode>set("delivery", Json.MAPPER.createArrayNode().add("digest"))
                .set("digestFilter", Json.MAPPER.createArrayNode().add(canonical)));
        assertThat(AlertFilter.digestFilterOf(r.filterPolicyJson())).contains(r.filter());
        assertThat(AlertFilter.deliveryOf(r.filterPolicyJson())).isEqualTo(DeliveryMode.DIGEST);
        assertThat(AlertFilter.deliveryOf(validator.parse("{\"protocol\":\"sms\",\"endpoint\":\"+14155550123\"}")
                .filterPolicyJson())).isEqualTo(DeliveryMode.INSTANT);
        assertProblem("{\"protocol\":\"sms\",\"endpoint\":\"+14155550123\",\"delivery\":\"weekly\"}",
                "delivery must be instant (a message as alerts are raised) or digest (one message a day)");
    }

    @Test
    void otherProtocolsAreRefusedByName() {
        assertProblem("{\"protocol\":\"http\",\"endpoint\":\"https://example.org/hook\"}",
                "protocol 'http' is not supported: use email or sms");
        assertProblem("{\"protocol\":3,\"endpoint\":\"a@b.org\"}", "protocol must be a string: email or sms");
        assertProblem("{\"endpoint\":\"a@b.org\"}", "protocol is required: email or sms");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ana", "ana@", "@example.org", "ana@example", "ana@@example.org", "ana example@x.org",
            "ana..b@example.org", ".ana@example.org", "ana@-example.org", "ana@example.o"})
    void badEmailAddressesAreRefusedWithoutEchoingThem(String email) {
        assertThatThrownBy(() -> validator.parse("{\"protocol\":\"email\",\"endpoint\":\"" + email + "\"}"))
                .isInstanceOf(InvalidSubscriptionException.class)
                .hasMessage("endpoint is not a valid email address (expected name@example.org)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"07700900123", "+0447700900123", "+1234567", "+1234567890123456", "+44 7700 9001x3", "447700900123"})
    void badPhoneNumbersAreRefused(String phone) {
        assertThatThrownBy(() -> validator.parse("{\"protocol\":\"sms\",\"endpoint\":\"" + phone + "\"}"))
                .isInstanceOf(InvalidSubscriptionException.class)
                .hasMessageStartingWith("endpoint is not an E.164 phone number: + then 8 to 15 digits");
    }

    @Test
    void phoneNumbersOfEightAndFifteenDigitsAreAccepted() {
        assertThat(validator.parse("{\"protocol\":\"sms\",\"endpoint\":\"+12345678\"}").endpoint()).isEqualTo("+12345678");
        assertThat(validator.parse("{\"protocol\":\"sms\",\"endpoint\":\"+123456789012345\"}").endpoint())
                .isEqualTo("+123456789012345");
    }

    @Test
    void regionsAreIsoCodesOrCountryNames() {
        SubscriptionRequest r = validator.parse("""
                {"protocol":"sms","endpoint":"+14155550123","regions":["UK","Iraq","syria","United States","lb"]}""");
        assertThat(r.regions()).containsExactly("GB", "IQ", "SY", "US", "LB");
    }

    @Test
    void anUnknownRegionIsRefusedWithTheClosestCountriesSuggested() {
        assertProblem("{\"protocol\":\"sms\",\"endpoint\":\"+14155550123\",\"regions\":[\"Irak\"]}",
                "regions: 'Irak' is neither an ISO 3166-1 alpha-2 country code nor a country name "
                        + "(did you mean Iran (IR), Iraq (IQ)?)");
        assertProblem("{\"protocol\":\"sms\",\"endpoint\":\"+14155550123\",\"regions\":[\"Atlantis\"]}",
                "regions: 'Atlantis' is neither an ISO 3166-1 alpha-2 country code nor a country name");
    }

    @Test
    void anUnknownActorIsRefusedWithTheClosestKnownNamesSuggested() {
        assertProblem("{\"protocol\":\"sms\",\"endpoint\":\"+14155550123\",\"actors\":[\"Islamic Stat\"]}",
                "actors: 'Islamic Stat' is not a known actor (did you mean Islamic State?)");
        assertProblem("{\"protocol\":\"sms\",\"endpoint\":\"+14155550123\",\"actors\":[\"Hizbolah\"]}",
                "actors: 'Hizbolah' is not a known actor (did you mean Hezbollah?)");
        // Nothing close: the known names are listed instead.
        assertProblem("{\"protocol\":\"sms\",\"endpoint\":\"+14155550123\",\"actors\":[\"Zeta Cartel\"]}",
                "actors: 'Zeta Cartel' is not a known actor (known: Hezbollah, Islamic Resistance in Iraq, Islamic State)");
    }

    @Test
    void theGazetteerNamesActorsByAliasAndAcronym() {
        SubscriptionValidator gazetteer = SubscriptionValidator.withGazetteerActors();
        SubscriptionRequest r = gazetteer.parse("""
                {"protocol":"sms","endpoint":"+14155550123","actors":["ISIS","Daesh","hezbollah","Houthis"]}""");
        assertThat(r.actors()).containsExactly("Islamic State", "Hezbollah", "Houthis");
        assertThatThrownBy(() -> gazetteer.parse(
                "{\"protocol\":\"sms\",\"endpoint\":\"+14155550123\",\"actors\":[\"Boko Haramm\"]}"))
                .hasMessage("actors: 'Boko Haramm' is not a known actor (did you mean Boko Haram?)");
    }

    @Test
    void eventTypesCanBeRestrictedToAKnownSet() {
        var strict = new SubscriptionValidator(Set.of(), Set.of("attack", "drone attack"));
        assertThat(strict.parse("{\"protocol\":\"sms\",\"endpoint\":\"+14155550123\",\"eventTypes\":[\"Attack\"]}")
                .eventTypes()).containsExactly("attack");
        assertThatThrownBy(() -> strict.parse("{\"protocol\":\"sms\",\"endpoint\":\"+14155550123\",\"eventTypes\":[\"bombing\"]}"))
                .hasMessage("eventTypes: 'bombing' is not a known event type (known: attack, drone attack)");
        assertThatThrownBy(() -> strict.parse("{\"protocol\":\"sms\",\"endpoint\":\"+14155550123\",\"eventTypes\":[\"atack\"]}"))
                .hasMessage("eventTypes: 'atack' is not a known event type (did you mean attack?)");
        assertProblem("{\"protocol\":\"sms\",\"endpoint\":\"+14155550123\",\"eventTypes\":[\"<script>\"]}",
                "eventTypes: '<script>' is not an event type (lower-case words, e.g. \"drone attack\")");
    }

    @Test
    void unknownFieldsAreRejected() {
        assertProblem("{\"protocol\":\"sms\",\"endpoint\":\"+14155550123\",\"region\":[\"IQ\"],\"admin\":true}",
                "unknown fields 'region', 'admin' (allowed: protocol, endpoint, actors, regions, eventTypes, minSeverity, delivery)");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> validator.parse("""
                {"protocol":"email","endpoint":"nope","regions":["XX"],"minSeverity":"urgent"}"""))
                .isInstanceOfSatisfying(InvalidSubscriptionException.class, e -> assertThat(e.problems()).containsExactly(
                        "endpoint is not a valid email address (expected name@example.org)",
                        "regions: 'XX' is neither an ISO 3166-1 alpha-2 country code nor a country name",
                        "minSeverity must be one of low, medium, high"));
    }

    @Test
    void sizesAreBounded() {
        String many = "[" + "\"IQ\",".repeat(50) + "\"SY\"]";
        assertProblem("{\"protocol\":\"sms\",\"endpoint\":\"+14155550123\",\"regions\":" + many + "}",
                "regions has 51 entries, at most 50 are allowed");
        assertProblem("{\"protocol\":\"sms\",\"endpoint\":\"+14155550123\",\"eventTypes\":[\"" + "a".repeat(101) + "\"]}",
                "eventTypes entries are at most 100 characters long");
        // SNS allows 150 combinations of filter values: 3 actors x 6 regions x 9 event types = 162.
        assertProblem("""
                {"protocol":"sms","endpoint":"+14155550123",
                 "actors":["Islamic State","Hezbollah","Islamic Resistance in Iraq"],
                 "regions":["IQ","SY","LB","IL","JO","EG"],
                 "eventTypes":["a","b","c","d","e","f","g","h","i"]}""",
                "too many combinations: actors (3) x regions (6) x eventTypes (9) = 162, at most 150 are possible "
                        + "in one subscription: split it into several");
    }

    @Test
    void emptyListsAndWrongTypesAreExplained() {
        assertProblem("{\"protocol\":\"sms\",\"endpoint\":\"+14155550123\",\"actors\":[]}",
                "actors must not be empty: leave it out to receive alerts for any actor");
        assertProblem("{\"protocol\":\"sms\",\"endpoint\":\"+14155550123\",\"regions\":\"IQ\"}",
                "regions must be an array of strings");
        assertProblem("{\"protocol\":\"sms\",\"endpoint\":\"+14155550123\",\"regions\":[1]}",
                "regions must contain only non-empty strings");
    }

    @Test
    void malformedJsonDuplicatesAndTrailingDataAreRejected() {
        assertThatThrownBy(() -> validator.parse("{\"protocol\":")).hasMessageStartingWith("the body is not valid JSON");
        assertThatThrownBy(() -> validator.parse("{\"protocol\":\"sms\",\"protocol\":\"email\",\"endpoint\":\"+14155550123\"}"))
                .hasMessageStartingWith("the body is not valid JSON: Duplicate field 'protocol'");
        assertThatThrownBy(() -> validator.parse("{\"protocol\":\"sms\",\"endpoint\":\"+14155550123\"} {}"))
                .hasMessageStartingWith("the body is not valid JSON");
        assertProblem("[1,2]", "the body must be a JSON object with protocol and endpoint");
    }

    @Test
    void minSeverityLowStillFiltersNothingOut() {
        SubscriptionRequest r = validator.parse("{\"protocol\":\"sms\",\"endpoint\":\"+14155550123\",\"minSeverity\":\"low\"}");
        assertThat(r.filterPolicy().toString())
                .isEqualTo("{\"severityLevel\":[{\"numeric\":[\">=\",1]}],\"delivery\":[\"instant\"]}");
    }

    private void assertProblem(String body, String problem) {
        assertThatThrownBy(() -> validator.parse(body))
                .isInstanceOfSatisfying(InvalidSubscriptionException.class,
                        e -> assertThat(e.problems()).containsExactly(problem));
    }
}
