package org.alliancehub.annual.web;

/** An indicator of the published formula with its label. */
public record FormulaLine(String key, String label, double weight, long cap) {
}
