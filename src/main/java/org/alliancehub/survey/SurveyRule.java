package org.alliancehub.survey;

/** A cross-field rule, e.g. {@code exportRevenue <= revenue}, with the message shown when an answer breaks it. */
public record SurveyRule(int position, String expression, String message) {
}
