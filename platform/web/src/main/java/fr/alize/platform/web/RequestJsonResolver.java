package fr.alize.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** Makes Quarkus REST read (and write) bodies with {@link RequestJson}'s mapper instead of the CDI one. */
@Provider
public class RequestJsonResolver implements ContextResolver<ObjectMapper> {

    @Inject
    RequestJson json;

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return json.mapper();
    }
}
