package io.consulta.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The runtime configuration the app reads before anything else. */
@Path("/config.json")
public class ConfigResource {

    public record ClientConfig(String keycloakUrl, String realm, String clientId, String authUrl,
                               String appointmentsUrl, String chatUrl, String chatSocketUrl, String notesUrl,
                               String mediaUrl) {
    }

    private final ClientConfig config;

    public ConfigResource(WebConfig web) {
        WebConfig.Services services = web.services();
        this.config = new ClientConfig(web.keycloakUrl(), web.realm(), web.clientId(), services.auth().orElse(""),
                services.appointments().orElse(""), services.chat().orElse(""), Origins.socketUrl(services.chat().orElse("")) + "/ws/chat",
                services.notes().orElse(""), services.media().orElse(""));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response config() {
        CacheControl noCache = new CacheControl();
        noCache.setNoCache(true);
        return Response.ok(config).cacheControl(noCache).build();
    }
}
