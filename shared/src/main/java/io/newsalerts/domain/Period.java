package io.newsalerts.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** An inclusive range of calendar days, the unit every count is attached to. */
public record Period(LocalDate start, LocalDate end) implements Comparable<Period> {

    public Period {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("period ends before it starts: " + start + ".." + end);
        }
    }

    public static Period of(String start, String end) {
        return new Period(LocalDate.parse(start), LocalDate.parse(end));
    }

    public static Period day(LocalDate day) {
        return new Period(day, day);
    }

    public static Period year(int year) {
        return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    public static Period quarter(int year, int quarter) {
        LocalDate start = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        return new Period(start, start.plusMonths(3).minusDays(1));
    }

    public static Period month(int year, int month) {
        LocalDate start = LocalDate.of(year, month, 1);
        return new Period(start, start.plusMonths(1).minusDays(1));
    }

    /** Number of days covered, both ends included. */
    public long days() {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    public boolean isCalendarYear() {
        return start.getDayOfYear() == 1 && end.equals(start.withDayOfYear(start.lengthOfYear()));
    }

    /** A period that starts on January 1 and ends before December 31 of the same year. */
    public boolean isYearToDate() {
        return start.getDayOfYear() == 1 && end.getYear() == start.getYear() && !isCalendarYear();
    }

    /** The same span one year earlier (H1 2024 -> H1 2023, June 2024 -> June 2023, Feb 29 -> Feb 28). */
    public Period previousYear() {
        LocalDate s = start.minusYears(1);
        LocalDate e = end.minusYears(1);
        // Keep month ends at month ends: Feb 29 2024 -> Feb 28 2023, and Feb 28 2025 -> Feb 29 2024.
        if (end.equals(end.withDayOfMonth(end.lengthOfMonth()))) {
            e = e.withDayOfMonth(e.lengthOfMonth());
        }
        return new Period(s, e);
    }


    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    /** Short human label: "2024", "H1 2024", "Q3 2024", "Jun 2024", or "2024-01-05..2024-02-10". */
    public String label() {
        int y = start.getYear();
        boolean monthStart = start.getDayOfMonth() == 1;
        boolean monthEnd = end.getDayOfMonth() == end.lengthOfMonth();
        if (isCalendarYear()) {
            return Integer.toString(y);
        }
        if (monthStart && monthEnd && end.getYear() == y) {
            int months = end.getMonthValue() - start.getMonthValue() + 1;
            if (months == 6 && (start.getMonthValue() == 1 || start.getMonthValue() == 7)) {
                return (start.getMonthValue() == 1 ? "H1 " : "H2 ") + y;
            }
            if (months == 3 && (start.getMonthValue() - 1) % 3 == 0) {
                return "Q" + ((start.getMonthValue() - 1) / 3 + 1) + " " + y;
            }
            if (months == 1) {
                return start.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH) + " " + y;
            }
            if (start.getMonthValue() == 1) {
                return months + " months of " + y;
            }
        }
        if (start.equals(end)) {
            return start.toString();
        }
        return start + ".." + end;
    }

    /** Orders by end day, then by length: the greatest period is the latest, and among those the longest. */
    @Override
    public int compareTo(Period other) {
        int byEnd = end.compareTo(other.end);
        return byEnd != 0 ? byEnd : other.start.compareTo(start);
    }

    @Override
    public String toString() {
        return start + ".." + end;
    }
}
