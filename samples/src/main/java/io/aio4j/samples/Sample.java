package io.aio4j.samples;

/**
 * One ported program of the tour.
 *
 * @param name what {@code --list} shows and what selects it
 * @param source the seed tutorial and the program in it
 * @param program runs the program, printing what the Python original prints
 */
public record Sample(String name, String source, Program program) {

    /** A sample's body; a sample's {@code main} calls the same. */
    @FunctionalInterface
    public interface Program {
        void run() throws Exception;
    }
}
