package io.newsalerts.aws;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ItemSizeTest {

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    @Test
    void stringsCountTheirUtf8BytesAndTheirNames() {
        assertThat(ItemSize.of(Map.of("id", s("abc")))).isEqualTo(2 + 3);
        assertThat(ItemSize.of(Map.of("é", s("née")))).isEqualTo(2 + 4); // é is two bytes in UTF-8
    }

    @Test
    void numbersTakeAByteForEveryTwoDigitsAndOneMore() {
        assertThat(ItemSize.of(Map.of("n", AttributeValue.fromN("7")))).isEqualTo(1 + 2);
        assertThat(ItemSize.of(Map.of("n", AttributeValue.fromN("1234")))).isEqualTo(1 + 3);
        assertThat(ItemSize.of(Map.of("n", AttributeValue.fromN("-12.345")))).isEqualTo(1 + 4);
    }

    @Test
    void listsAndMapsAddThreeBytesAndOnePerElement() {
        assertThat(ItemSize.of(Map.of("l", AttributeValue.fromL(List.of(s("a"), s("bc")))))).isEqualTo(1 + 3 + (1 + 1) + (1 + 2));
        assertThat(ItemSize.of(Map.of("m", AttributeValue.fromM(Map.of("k", s("v")))))).isEqualTo(1 + 3 + 1 + (1 + 1));
        assertThat(ItemSize.of(Map.of("m", AttributeValue.fromM(Map.of("in", AttributeValue.fromL(List.of(s("x"))))))))
                .isEqualTo(1 + 3 + 1 + 2 + (3 + 1 + 1));
    }

    @Test
    void setsBinariesAndFlagsBySize() {
        assertThat(ItemSize.of(Map.of("ss", AttributeValue.fromSs(List.of("ab", "cde"))))).isEqualTo(2 + 5);
        assertThat(ItemSize.of(Map.of("ns", AttributeValue.fromNs(List.of("1", "22"))))).isEqualTo(2 + 2 + 2);
        assertThat(ItemSize.of(Map.of("b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[10]))))).isEqualTo(1 + 10);
        assertThat(ItemSize.of(Map.of("ok", AttributeValue.fromBool(true), "no", AttributeValue.fromNul(true))))
                .isEqualTo(2 + 1 + 2 + 1);
    }
}
