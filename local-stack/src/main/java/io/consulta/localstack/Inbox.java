package io.consulta.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The local SMTP inbox (GreenMail, {@link MailServerMain}) in a child JVM: every e-mail of the stack lands here. */
public final class Inbox {

    private Inbox() {
    }

    public static String messagesUrl(int httpPort) {
        return "http://localhost:" + httpPort + "/messages";
    }

    public static ManagedProcess node(int smtpPort, int httpPort, Path workDir, Path logFile) {
        List<String> command = ChildJvm.command(List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
                MailServerMain.class.getName(), List.of(Integer.toString(smtpPort), Integer.toString(httpPort)));
        return new ManagedProcess("mail inbox", messagesUrl(httpPort), command, Map.of(), workDir, logFile,
                Probes.http(messagesUrl(httpPort)));
    }
}
