package io.aio4j;

/** A program for {@link InterruptTest}: waits in Aio.run until Ctrl-C, then says how it ended. */
public final class SigintProbe {
    private SigintProbe() {
    }

    public static void main(String[] args) {
        try {
            Aio.run(() -> {
                System.out.println("READY");
                System.out.flush();
                Aio.sleep(20);
            });
            System.out.println("finished");
        } catch (CancelledError e) {
            System.out.println("cancelled: " + e.getMessage());
        }
    }
}
