package dev.keelson.migrate.internal.database.mongodb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Which files run in one transaction on a replica set. The stand-in server has no transactions, so the transactional
 * path itself runs only against a real replica set ({@code KEELSON_TEST_MONGODB_URL}); what decides it is tested here.
 */
class TransactionFitTest {
    private static boolean fits(String commands) {
        return TransactionFit.fits(
                CommandFile.read("V1__x.json", "x", "[" + commands + "]", null).orElseThrow());
    }

    @Test
    void crudAndACollectionCreatedWithItsIndexesFitInOneTransaction() {
        assertThat(fits("""
                {"create": "orders"},
                {"createIndexes": "orders", "indexes": [{"key": {"user": 1}, "name": "user_1"}]},
                {"insert": "orders", "documents": [{"_id": 1}]},
                {"update": "users", "updates": [{"q": {"a": 1}, "u": {"$set": {"b": 2}}}]},
                {"delete": "users", "deletes": [{"q": {"a": 1}, "limit": 1}]},
                {"findAndModify": "users", "query": {"a": 1}, "update": {"$set": {"c": 1}}}
                """)).isTrue();
    }

    @Test
    void ddlThatMongoDbRefusesInATransactionRunsCommandByCommand() {
        assertThat(fits("{\"createIndexes\": \"users\", \"indexes\": [{\"key\": {\"a\": 1}, \"name\": \"a_1\"}]}"))
                .as("an index on an existing collection")
                .isFalse();
        assertThat(fits("{\"collMod\": \"users\", \"validationAction\": \"warn\"}"))
                .isFalse();
        assertThat(fits("{\"drop\": \"users\"}")).isFalse();
        assertThat(fits("{\"renameCollection\": \"app.a\", \"to\": \"app.b\"}")).isFalse();
        assertThat(fits("{\"create\": \"v\", \"viewOn\": \"users\", \"pipeline\": []}"))
                .as("a view")
                .isFalse();
    }
}
