package org.frameloop.core.internal.io;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * Typed reads of members of JSON a user may have edited (project.json, label maps, the journal). A failure is
 * an {@link IllegalArgumentException} that names the member and what was there, so a reader can pass it on to
 * the user with the file's name; a library's exception text ("For input string", "path $") never reaches them.
 */
public final class JsonFields {

    private static final Pattern POSITION = Pattern.compile("line (\\d+) column (\\d+)");

    private JsonFields() {
    }

    /** The whole-number member {@code key}. */
    public static int wholeNumber(JsonObject json, String key) {
        JsonElement value = json.get(key);
        if (value == null || value.isJsonNull()) {
            throw new IllegalArgumentException("\"" + key + "\" is missing");
        }
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
            double number = value.getAsDouble();
            if (number == Math.rint(number) && Math.abs(number) <= Integer.MAX_VALUE) {
                return (int) number;
            }
        }
        throw new IllegalArgumentException("\"" + key + "\" must be a whole number, was " + value);
    }

    /** The text member {@code key}, or null when it is absent or null. */
    public static String optionalText(JsonObject json, String key) {
        JsonElement value = json.get(key);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (value instanceof JsonPrimitive primitive && primitive.isString()) {
            return primitive.getAsString();
        }
        throw new IllegalArgumentException("\"" + key + "\" must be text, was " + value);
    }

    /** The text member {@code key}. */
    public static String text(JsonObject json, String key) {
        String text = optionalText(json, key);
        if (text == null) {
            throw new IllegalArgumentException("\"" + key + "\" is missing");
        }
        return text;
    }

    /**
     * Where a JSON syntax error is, as "line L column C", from the parser's exception (empty when it does not
     * say): the one part of a parser's message worth showing to a user.
     */
    public static String position(Throwable syntaxError) {
        for (Throwable t = syntaxError; t != null; t = t.getCause()) {
            Matcher matcher = t.getMessage() == null ? null : POSITION.matcher(t.getMessage());
            if (matcher != null && matcher.find()) {
                return "line " + matcher.group(1) + " column " + matcher.group(2);
            }
        }
        return "";
    }
}
