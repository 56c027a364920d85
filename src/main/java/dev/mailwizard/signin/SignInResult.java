package dev.mailwizard.signin;

import java.time.Duration;

/** How a sign-in in the browser ended; every case but {@link SignedIn} says why in words. */
public sealed interface SignInResult {
    String message();

    /** Tokens granted; the caller wipes them when done. */
    record SignedIn(Tokens tokens) implements SignInResult {
        @Override
        public String message() {
            return "signed in";
        }
    }

    /** The answer was refused (state or issuer wrong) or the sign-in was declined, or the token endpoint refused the code. */
    record Refused(String message) implements SignInResult {
    }

    /** No answer came back from the browser in time. */
    record TimedOut(Duration waited) implements SignInResult {
        @Override
        public String message() {
            long s = waited.toSeconds();
            String time = s >= 60 && s % 60 == 0 ? (s / 60) + " min" : s + " s";
            return "no answer came back from the browser within " + time + "; the sign-in was stopped (start it again when ready)";
        }
    }

    record Cancelled() implements SignInResult {
        @Override
        public String message() {
            return "the sign-in was cancelled";
        }
    }

    /** It could not be done: no listener, or the token endpoint unreachable or not verified. */
    record Failed(String message) implements SignInResult {
    }
}
