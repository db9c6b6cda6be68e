package org.alliancehub.annual.web;

/** One way for an alliance to raise its score, as its secretariat's page shows it. */
public record AdviceLine(String label, double pointsPerUnit, double pointsLeft, long value, long divisor) {
}
