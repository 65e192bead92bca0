"""Build the item tree of a framework version, optionally cut down to search matches."""

from collections import Counter
from dataclasses import dataclass, field

__all__ = ['TreeNode', 'build_tree']


@dataclass
class TreeNode:
    item: object
    matched: bool = False
    children: list = field(default_factory=list)
    total_children: int = 0  # before the search cut the tree down


def build_tree(items, matched_pks=None) -> list[TreeNode]:
    """Nest ``items`` (given in tree pre-order). With ``matched_pks``, keep matches and their ancestors."""
    items = list(items)
    by_pk = {item.pk: item for item in items}
    if matched_pks is None:
        matched, keep = set(), set(by_pk)
    else:
        matched, keep = set(matched_pks), set()
        for pk in matched:
            while pk is not None and pk not in keep:
                keep.add(pk)
                pk = by_pk[pk].parent_id
    child_counts = Counter(item.parent_id for item in items)
    nodes = {pk: TreeNode(item=by_pk[pk], matched=pk in matched, total_children=child_counts[pk]) for pk in keep}
    roots = []
    for item in items:
        if item.pk in nodes:
            parent = nodes.get(item.parent_id)
            (parent.children if parent else roots).append(nodes[item.pk])
    return roots
