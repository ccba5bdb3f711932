package org.luoshi.task.shared.rest;

import org.eclipse.microprofile.openapi.OASFilter;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Has Quarkus write the OpenAPI document (/q/openapi) when it is asked for, not at every start. Quarkus generates the
 * document at build time but, with no per-request filter, reads it back at start and writes it out as JSON and as YAML
 * on the main thread before the service listens (SnakeYAML's emitter and SmallRye's writers, ~340 classes, ~0.15 s of
 * the start's wall time at load 5: deploy/bench/RESULTS.md, branch h9-ready2). A filter that runs per request makes
 * Quarkus keep the parsed model instead and write the document at each request of /q/openapi, which is rare (a client
 * generator, a curious reader). It changes nothing in the document.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class OpenApiDocumentAtRequest implements OASFilter {
}
