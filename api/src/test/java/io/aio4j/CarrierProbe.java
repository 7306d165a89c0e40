package io.aio4j;

/** Runs a task in a JVM of its own, started with the options a {@link CarrierTest} case chose. */
public final class CarrierProbe {
    private CarrierProbe() {
    }

    public static void main(String[] args) {
        try {
            Aio.run(() -> Aio.sleep(0.001));
            System.out.println("ran");
        } catch (Throwable e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                System.out.println(c.getClass().getName() + ": " + c.getMessage());
            }
        }
        System.exit(0);
    }
}
