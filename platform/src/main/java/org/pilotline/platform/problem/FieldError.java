package org.pilotline.platform.problem;

/**
 * One offending input field of a refused request: the JSON path of the field as the client sent it
 * ({@code lines[2].quantity}) and a human sentence about what is wrong with it.
 */
public record FieldError(String field, String message) {
}
