package io.github.usereventbus.codegen.docs;

import io.github.usereventbus.codegen.schema.SchemaSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the contract's documentation and infrastructure pieces are made from, and nothing from Maven.
 *
 * @param schemas     the schema files
 * @param packageName the Java package of the generated types, named in the pages' examples; null when the
 *                    contract has none (the pages then name the classes alone)
 * @param familyName  the family's name, as for generation ({@code UserEvent})
 * @param eventBus    the bus: a name ({@code user-event-bus}) or an ARN
 * @param serviceId   the producing service's id in the catalog, for example {@code user-service}
 * @param serviceName the producing service's name, or null for its id
 * @param owners      ids of the teams or users who own the contract; at least one
 * @param version     the contract's version, a semantic version such as {@code 1.2.0}
 */
public record ContractDocsRequest(List<SchemaSource> schemas, String packageName, String familyName,
        String eventBus, String serviceId, String serviceName, List<String> owners, String version) {

    public ContractDocsRequest {
        schemas = List.copyOf(schemas);
        owners = List.copyOf(new ArrayList<>(owners).stream().map(String::strip).filter(o -> !o.isEmpty()).toList());
        require(eventBus, "eventBus", "the bus name or ARN, for example user-event-bus");
        require(serviceId, "serviceId", "the producing service's id, for example user-service");
        require(version, "version", "the contract's version, for example 1.0.0");
        if (packageName != null && packageName.isBlank()) {
            packageName = null;
        }
        Objects.requireNonNull(familyName, "familyName");
        if (owners.isEmpty()) {
            throw new IllegalArgumentException("owners needs at least one team or user id, for example user-team");
        }
        for (String id : owners) {
            requireId(id, "owner");
        }
        requireId(serviceId, "serviceId");
        if (!version.matches("\\d+\\.\\d+\\.\\d+(-[\\w.-]+)?(\\+[\\w.-]+)?")) {
            throw new IllegalArgumentException("version '" + version + "' is not a semantic version such as 1.0.0");
        }
    }

    /** A generated type's name, with its package when the contract knows one. */
    public String javaName(String simpleName) {
        return packageName == null ? simpleName : packageName + "." + simpleName;
    }

    /** The bus's name: the last part of an ARN, or the name as given. */
    public String busName() {
        int slash = eventBus.lastIndexOf('/');
        return eventBus.startsWith("arn:") && slash >= 0 ? eventBus.substring(slash + 1) : eventBus;
    }

    /** The service's display name. */
    public String serviceDisplayName() {
        return serviceName == null || serviceName.isBlank() ? serviceId : serviceName;
    }

    private static void require(String value, String name, String example) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required: " + example);
        }
    }

    private static void requireId(String id, String what) {
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException(what + " '" + id + "' must be letters, digits, '.', '_' or '-',"
                    + " as it names a catalog page's directory");
        }
    }
}
