package io.east.core.answer;

import java.util.regex.Pattern;

/**
 * A 12-hour time of day is written on the 24-hour clock: {@code 3:00 PM} and {@code 3:00 \text{ p.m.}} become
 * {@code 15:00}, {@code 12:15 a.m.} becomes {@code 0:15}. Without this, dropping "a.m."/"p.m." as unit words would
 * make {@code 3:00 AM} equal {@code 3:00 PM}.
 */
final class TimesOfDay {

    private static final Pattern TWELVE_HOUR = Pattern.compile(
            "(?<![\\d:.])(1[0-2]|0?[1-9]):([0-5]\\d)\\s*"
                    + "(?:\\\\(?:text|textrm|mathrm|mbox)\\s*\\{\\s*([AaPp])\\.?\\s*[Mm]\\.?\\s*\\}"
                    + "|([AaPp])\\.?\\s*[Mm](?![A-Za-z])\\.?)");

    private TimesOfDay() {}

    static String toTwentyFourHour(String s) {
        if (s.indexOf(':') < 0) {
            return s;
        }
        return TWELVE_HOUR.matcher(s).replaceAll(time -> {
            int hour = Integer.parseInt(time.group(1)) % 12;
            String half = time.group(3) != null ? time.group(3) : time.group(4);
            if (half.equalsIgnoreCase("p")) {
                hour += 12;
            }
            return hour + ":" + time.group(2);
        });
    }
}
