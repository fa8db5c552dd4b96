package io.github.cameldune.emulator.engine;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** ULID execution ids as Dune issues them: 26 Crockford base32 characters, time first (so they start with "01"). */
public final class Ulid {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final Pattern VALID = Pattern.compile("[0-7][0-9A-HJKMNP-TV-Z]{25}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ulid() {}

    /** A new id: 48 bits of milliseconds since the epoch, then 80 random bits. */
    public static String next() {
        char[] out = new char[26];
        long time = System.currentTimeMillis();
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        for (int i = 10; i < 26; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(32)];
        }
        return new String(out);
    }

    /** Whether the text is a well-formed ULID (upper case, as Dune prints them). */
    public static boolean isValid(String text) {
        return text != null && VALID.matcher(text).matches();
    }
}
