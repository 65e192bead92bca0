"""Learning from review, the database side: reviewed paragraphs as training examples, the model file, proposals.

The model itself is plain Python (``learning.py``); this module reads the decisions, trains with or without the
seed, and stores and shows what the model proposes (``LearnedProposal``), apart from the rule-based codes.
"""

import logging
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Q

from ssrhub.documents.models import Paragraph

from . import learning
from .codebook import load_codebook
from .effective import effective
from .models import CodeAssignment, LearnedProposal, ParagraphReview, SourceChoices

__all__ = [
    'attach_proposals',
    'model_path',
    'propose_stored',
    'read_model',
    'reviewed_examples',
    'store_proposals',
    'train_model',
    'training_examples',
]


logger = logging.getLogger(__name__)


def model_path() -> Path:
    return Path(settings.SSRHUB_LEARNED_MODEL)


def reviewed_examples(codebook=None) -> list[learning.Example]:
    """Every paragraph someone marked reviewed, each code of the codebook decided: present when in force after the
    review (accepted machine codes and added codes), absent otherwise (rejected, or never asserted)."""
    codebook = codebook or load_codebook()
    reviewed = Paragraph.objects.filter(pk__in=ParagraphReview.objects.values('paragraph'))
    paragraphs = list(reviewed.select_related('version__document').order_by('pk'))
    if not paragraphs:
        return []
    ids = [p.pk for p in paragraphs]
    present, rules = {}, {}
    for paragraph_id, code in effective(Q(paragraph_id__in=ids)).values_list('paragraph_id', 'code'):
        present.setdefault(paragraph_id, set()).add(code)
    machine = CodeAssignment.objects.filter(
        paragraph_id__in=ids, source=SourceChoices.MACHINE, codebook_version=codebook.version
    )
    for paragraph_id, code in machine.values_list('paragraph_id', 'code'):
        rules.setdefault(paragraph_id, set()).add(code)
    return [
        learning.Example(
            group=_document(paragraph.version.document),
            ref=paragraph.ref,
            text=paragraph.text,
            labels=tuple((code, code in present.get(paragraph.pk, ())) for code in sorted(codebook.codes)),
            rules=frozenset(rules.get(paragraph.pk, ())),
            source='review',
        )
        for paragraph in paragraphs
    ]


def _document(document) -> str:
    """The seed's name of a document: a resolution's symbol without its year (``S/RES/2151``), else its key."""
    return (document.symbol or document.key).split(' (')[0]


def training_examples(*, seed: bool = True, shared_dir=None, codebook=None) -> list[learning.Example]:
    """The reviewed paragraphs, and with ``seed`` the seed's paragraphs no review covers.

    Raises FileNotFoundError when the seed is asked for and its files are missing.
    """
    codebook = codebook or load_codebook()
    reviewed = reviewed_examples(codebook)
    if not seed:
        return reviewed
    return learning.merge_examples(reviewed, learning.read_seed(shared_dir or settings.SSRHUB_SHARED_DATA, codebook))


def train_model(*, seed: bool = True, path=None, shared_dir=None, random_seed: int = learning.DEFAULT_SEED):
    """Train on the decisions (and the seed) and write the model file; returns the model.

    Raises ``learning.TrainingError`` with nothing written when there is nothing to train on.
    """
    codebook = load_codebook()
    examples = training_examples(seed=seed, shared_dir=shared_dir, codebook=codebook)
    model = learning.train(examples, codebook, seed=random_seed)
    learning.save_model(model, path or model_path())
    return model


def read_model(path=None) -> learning.LearnedModel:
    """The model file, checked against the codebook in use (``learning.ModelError`` otherwise)."""
    return learning.load_model(path or model_path(), load_codebook().version)


def propose_stored(paragraphs, read) -> int:
    """The learned step of the document pipeline, registered with ``documents.ingest.after_storing``: a new version
    of an English document gets the proposals of the model file in place, if any. Without a usable model file the
    ingest goes on (a stale one is logged): nothing is proposed until ``ssrhub coding train``."""
    if read.metadata.language != learning.LANGUAGE:
        return 0
    model = _model_in_place()
    return store_proposals(model, paragraphs) if model else 0


_loaded = {}  # the model file read last, by (path, modification time, size, codebook version)


def _model_in_place() -> learning.LearnedModel | None:
    path = model_path()
    try:
        stat = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return None
    key = (str(path), stat.st_mtime_ns, stat.st_size, load_codebook().version)
    if key not in _loaded:
        try:
            model = read_model(path)
        except learning.ModelError as error:
            logger.warning('No learned proposals on ingest: %s', error)
            model = None
        _loaded.clear()
        _loaded[key] = model
    return _loaded[key]


@transaction.atomic
def store_proposals(model: learning.LearnedModel, paragraphs) -> int:
    """Replace the learned proposals of ``paragraphs`` with the model's; returns the number stored."""
    paragraphs = list(paragraphs)
    LearnedProposal.objects.filter(paragraph__in=[p.pk for p in paragraphs]).delete()
    rows = []
    for paragraph, proposals in zip(paragraphs, model.propose([p.text for p in paragraphs]), strict=True):
        rows += [
            LearnedProposal(
                paragraph=paragraph,
                code=proposal.code,
                probability=proposal.probability,
                model_version=model.version,
                data_version=model.header['data_version'],
                codebook_version=model.codebook_version,
            )
            for proposal in proposals
        ]
    LearnedProposal.objects.bulk_create(rows, batch_size=500)
    return len(rows)


def attach_proposals(paragraphs) -> None:
    """Set ``learned`` on paragraphs loaded with the coding panel: the proposals of the current codebook that are not
    codes in force and that no reviewer has decided on (accepting one makes it a reviewer's code)."""
    version = load_codebook().version
    for paragraph in paragraphs:
        decided = {c.code for c in paragraph.human_codes}
        in_force = {c.code for c in paragraph.machine_codes}
        paragraph.learned = [
            proposal
            for proposal in getattr(paragraph, 'learned_list', [])
            if proposal.codebook_version == version and proposal.code not in decided | in_force
        ]
