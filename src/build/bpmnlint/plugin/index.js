'use strict';

// Initiativ's own bpmnlint rules, used from ../.bpmnlintrc as initiativ/<rule>.
module.exports = {
  rules: {
    'inclusive-gateway-where-decided': './rules/inclusive-gateway-where-decided.js'
  }
};
