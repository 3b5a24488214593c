'use strict';

/**
 * bpmnlint's no-inclusive-gateway, silenced for the gateways named in the rule's "allowed" list
 * only (ADR 0010: the support plan's split and join express "any of the four tracks").
 * Every other inclusive gateway is still reported.
 *
 * Configuration: ["warn", { "allowed": ["Gateway_Id", ...] }]
 */
module.exports = function(config) {

  const allowed = new Set((config && config.allowed) || []);

  function check(node, reporter) {
    if (node.$instanceOf('bpmn:InclusiveGateway') && !allowed.has(node.id)) {
      reporter.report(node.id, 'Element type <bpmn:InclusiveGateway> is discouraged '
        + '(allowed only where an ADR says why, in .bpmnlintrc)');
    }
  }

  return { check };
};
