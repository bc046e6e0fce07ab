"""The analyses: pure functions of a :class:`~relgraph.projection.Projection` (plus parameters).

They never touch a store. Each returns plain dataclasses that serialise to the documented JSON.
"""
