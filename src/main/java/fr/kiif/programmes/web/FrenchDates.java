package fr.kiif.programmes.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/** Dates as French readers expect them, in Paris time: "12 mars 2027 à 12h00". Used by templates as {@code @frenchDates}. */
@Component("frenchDates")
public class FrenchDates {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH'h'mm", Locale.FRENCH);

    /** "1er mars 2027 à 09h00", "12 mars 2027 à 12h00". */
    public String dateTime(Instant instant) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime paris = instant.atZone(PARIS);
        return date(instant) + " à " + TIME.format(paris);
    }

    /** "1er mars 2027", "12 mars 2027". */
    public String date(Instant instant) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime paris = instant.atZone(PARIS);
        int day = paris.getDayOfMonth();
        return (day == 1 ? "1er" : Integer.toString(day)) + " " + MONTH_YEAR.format(paris);
    }

    /** A calendar day: "1er mars 2027". */
    public String day(LocalDate date) {
        if (date == null) {
            return "";
        }
        return (date.getDayOfMonth() == 1 ? "1er" : Integer.toString(date.getDayOfMonth())) + " " + MONTH_YEAR.format(date);
    }

    /** Machine-readable value for {@code <time datetime>}. */
    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(PARIS));
    }
}
