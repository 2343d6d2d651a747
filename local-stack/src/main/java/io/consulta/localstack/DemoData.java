package io.consulta.localstack;

import java.io.PrintStream;

/** The demo data set behind {@code --demo-data}: the realm's demo users, plus what the services can take through their APIs. */
final class DemoData {

    private DemoData() {
    }

    static void load(Stack stack, PrintStream out) {
        out.println("Demo users are imported with the realm; profiles and schedules load as the services provide APIs for them.");
    }
}
