package dev.keelson.scaffold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FieldTest {
    private static Field parse(String spec) {
        return Field.parse(spec, ResourceName::parse);
    }

    @Test
    void everyTypeIsReadWithItsArguments() {
        assertThat(parse("title:text(200)").type()).isEqualTo(new FieldType.Text(200));
        assertThat(parse("title:text").type()).isEqualTo(new FieldType.Text(255));
        assertThat(parse("stock:integer").type()).isEqualTo(new FieldType.Whole());
        assertThat(parse("weight:decimal(12,3)").type()).isEqualTo(new FieldType.Decimal(12, 3, false));
        assertThat(parse("price:money").type()).isEqualTo(FieldType.Decimal.MONEY);
        assertThat(parse("active:boolean").type()).isEqualTo(new FieldType.Bool());
        assertThat(parse("shipsOn:date").type()).isEqualTo(new FieldType.Day());
        assertThat(parse("startsAt:timestamp").type()).isEqualTo(new FieldType.Timestamp());
        assertThat(parse("status:enum(DRAFT,LIVE)").type()).isEqualTo(new FieldType.Choice(List.of("DRAFT", "LIVE")));
        assertThat(parse("customer:ref(customer)").type())
                .isEqualTo(new FieldType.Reference(new ResourceName("customer", "customers")));
    }

    @Test
    void fieldsAreRequiredUnlessOptionalAndModifiersAreRead() {
        Field sku = parse("sku:text(40):unique:filter");
        assertThat(sku.required()).isTrue();
        assertThat(sku.unique()).isTrue();
        assertThat(sku.filter()).isTrue();
        Field note = parse("note:text(500):optional");
        assertThat(note.required()).isFalse();
    }

    @Test
    void namesBecomeCamelCaseAndReferencesEndInId() {
        Field f = parse("ships_on:date");
        assertThat(f.name()).isEqualTo("shipsOn");
        assertThat(f.column()).isEqualTo("ships_on");
        Field ref = parse("customer:ref(customer)");
        assertThat(ref.name()).isEqualTo("customerId");
        assertThat(ref.column()).isEqualTo("customer_id");
        assertThat(ref.filter()).isTrue();
        assertThat(parse("status:enum(A,B)").javaType()).isEqualTo("Status");
    }

    @Test
    void theSpellingReadsBackToTheSameField() {
        for (String spec : List.of(
                "title:text(200):unique",
                "note:text(10):optional",
                "price:money",
                "ratio:decimal(5,4):filter",
                "status:enum(A,B)",
                "customer:ref(customer):optional",
                "price:money:sort",
                "shipsOn:date:optional:filter:sort")) {
            Field field = parse(spec);
            assertThat(parse(field.spelling())).isEqualTo(field);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "title:varchar",
                "title:text(x)",
                "title:text(0)",
                "title",
                ":text",
                "price:money(2)",
                "status:enum()",
                "status:enum(a,b)",
                "status:enum(A,A)",
                "ratio:decimal(2,3)",
                "title:text:sometimes"
            })
    void anUnknownOrMalformedFieldIsRefusedNamingTheFix(String spec) {
        assertThatThrownBy(() -> parse(spec))
                .isInstanceOf(ScaffoldException.class)
                .hasMessageStartingWith("Invalid field '" + spec + "': ")
                .extracting(e -> ((ScaffoldException) e).code())
                .isEqualTo(ScaffoldErrorCode.INVALID_FIELD);
    }

    @Test
    void theUnknownTypeMessageListsTheTypesThereAre() {
        assertThatThrownBy(() -> parse("title:varchar"))
                .hasMessage("Invalid field 'title:varchar': unknown type 'varchar': use text(MAX), integer, "
                        + "decimal(P,S), money, boolean, date, timestamp, enum(A,B,...) or ref(RESOURCE)");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "id:integer",
                "version:integer",
                "createdAt:timestamp",
                "order:text",
                "user:text",
                "class:text",
                "group:text"
            })
    void reservedNamesAreRefused(String spec) {
        assertThatThrownBy(() -> parse(spec)).hasMessageContaining("is reserved");
    }
}
