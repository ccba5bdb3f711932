package org.luoshi.common.openapi;

import org.eclipse.microprofile.openapi.OASFilter;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Has Quarkus write the OpenAPI document (/q/openapi) when it is asked for, not at every start. Quarkus generates the
 * document at build time; at start it reads it back into a model (that it always does) and, when no filter runs per
 * request, also writes the model out as JSON and as YAML on the main thread before the service listens: ~0.14 s of the
 * main thread's CPU at every start of task-service (deploy/bench/RESULTS.md, branch h9-ready2). A filter that runs per
 * request makes Quarkus keep the model and write the document at each request of /q/openapi instead, which is rare (a
 * client generator, a curious reader) and costs a few ms once warm. It changes nothing in the document (byte for byte).
 * In service-common: both services publish theirs.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_PER_REQUEST)
public class OpenApiDocumentAtRequest implements OASFilter {
}
