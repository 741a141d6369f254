"""The pipeline stages: a module (or package) here that registers a stage is found by ``tacitus.registry``'s scan.

Stages share helpers through ``base`` (the per-article ``Analysis``) and ``syntax`` (parse-tree helpers),
never by importing one another. docs/stages.md tells how to add one.
"""
