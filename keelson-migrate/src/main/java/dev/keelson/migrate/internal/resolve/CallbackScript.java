package dev.keelson.migrate.internal.resolve;

/**
 * A callback file read from a migration location (see {@link CallbackEvent}).
 *
 * @param event       when it runs
 * @param description the part of the name after {@code __}; callbacks of one event run in this order
 * @param fileName    the file name
 * @param origin      where it was found
 * @param content     its text
 */
public record CallbackScript(CallbackEvent event, String description, String fileName, String origin, String content) {
    static CallbackScript of(CallbackEvent event, String fileName, String origin, String content) {
        return new CallbackScript(event, CallbackEvent.description(fileName), fileName, origin, content);
    }
}
