package org.luoshi.deploy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The operations of a service as its OpenAPI document states them: method, path, the roles allowed (from the security
 * requirement Quarkus derives from {@code @RolesAllowed}), parameters with their schema and the request body's media
 * type. A new endpoint is covered by the hostile suite without being listed anywhere.
 */
record OpenApiOperations(String service, String baseUrl, List<Operation> operations) {

    /** Who may call: {@code null} roles = public, an empty set = any authenticated caller. */
    record Operation(String service, String baseUrl, String method, String path, Set<String> roles,
            List<Param> params, String bodyType, JsonNode bodySchema) {

        boolean isPublic() {
            return roles == null;
        }

        boolean allows(String role) {
            return roles != null && (roles.isEmpty() || roles.contains(role));
        }

        boolean isRead() {
            return method.equals("GET");
        }

        @Override
        public String toString() {
            return method + " " + service + path;
        }
    }

    /** A parameter and what its schema says a valid value is. */
    record Param(String name, String in, String type, String format, boolean isEnum) {

        boolean integer() {
            return "integer".equals(type);
        }

        boolean bool() {
            return "boolean".equals(type);
        }

        boolean date() {
            return "date".equals(format);
        }
    }

    static OpenApiOperations read(String service, String baseUrl, JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        JsonNode components = document.path("components").path("schemas");
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
                Map.Entry<String, JsonNode> entry = methods.next();
                String method = entry.getKey().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    continue;
                }
                JsonNode op = entry.getValue();
                List<Param> params = new ArrayList<>();
                for (JsonNode p : op.path("parameters")) {
                    params.add(param(p, components));
                }
                String bodyType = null;
                JsonNode bodySchema = null;
                Iterator<Map.Entry<String, JsonNode>> content = op.path("requestBody").path("content").fields();
                if (content.hasNext()) {
                    Map.Entry<String, JsonNode> first = content.next();
                    bodyType = first.getKey();
                    bodySchema = resolve(first.getValue().path("schema"), components);
                }
                operations.add(new Operation(service, baseUrl, method, path.getKey(), roles(op), List.copyOf(params),
                        bodyType, bodySchema));
            }
        }
        return new OpenApiOperations(service, baseUrl, List.copyOf(operations));
    }

    private static Set<String> roles(JsonNode op) {
        if (!op.has("security")) {
            return null;
        }
        Set<String> roles = new LinkedHashSet<>();
        for (JsonNode requirement : op.path("security")) {
            for (JsonNode scheme : requirement) {
                scheme.forEach(role -> roles.add(role.asText()));
            }
        }
        return roles;
    }

    private static Param param(JsonNode p, JsonNode components) {
        JsonNode schema = resolve(p.path("schema"), components);
        boolean isEnum = schema.has("enum");
        if ("array".equals(schema.path("type").asText())) {
            JsonNode items = resolve(schema.path("items"), components);
            isEnum = items.has("enum");
            schema = items;
        }
        return new Param(p.path("name").asText(), p.path("in").asText(), type(schema), schema.path("format").asText(null),
                isEnum);
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        return type.asText(null);
    }

    static JsonNode resolve(JsonNode schema, JsonNode components) {
        JsonNode current = schema;
        for (int hops = 0; hops < 5 && current.has("$ref"); hops++) {
            String ref = current.path("$ref").asText();
            current = components.path(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return current;
    }
}
