import json
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ssrhub.coding import learning
from ssrhub.coding.codebook import load_codebook
from ssrhub.coding.learned import model_path, read_model, store_proposals, train_model, training_examples
from ssrhub.documents.models import Document, Paragraph


class Command(BaseCommand):
    help = (
        "Learning from review: train a model on reviewers' decisions (and the seed), store its proposals, "
        'cross-validate it against the rules.'
    )

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest='action', required=True)
        train = actions.add_parser('train', help='Train on the reviewed paragraphs (and the seed) and write the model.')
        seed = train.add_mutually_exclusive_group()
        seed.add_argument('--seed', dest='seed', action='store_true', default=True, help='Add the seed (default).')
        seed.add_argument('--no-seed', dest='seed', action='store_false', help='Reviewed paragraphs only.')
        train.add_argument('--random-seed', type=int, default=learning.DEFAULT_SEED)
        train.add_argument('--model', default=None, help='Model file (default: SSRHUB_LEARNED_MODEL).')
        train.add_argument('--shared-data', default=None, help='Seed folder (default: SSRHUB_SHARED_DATA).')
        propose = actions.add_parser('propose', help="Store the model's proposals for a document, or all.")
        propose.add_argument('document', help='A document\'s symbol or key (current version), or "all".')
        propose.add_argument('--model', default=None)
        evaluate = actions.add_parser('evaluate', help='Micro P/R/F1 of rules, learned and both on the decisions.')
        evaluate.add_argument('--cross-validate', action='store_true', required=True)
        evaluate.add_argument('--folds', type=int, default=learning.FOLDS)
        evaluate.add_argument('--random-seed', type=int, default=learning.DEFAULT_SEED)
        evaluate.add_argument('--no-seed', dest='seed', action='store_false', default=True)
        evaluate.add_argument('--shared-data', default=None)
        evaluate.add_argument('--format', choices=('text', 'json'), default='text')

    def handle(self, *args, action, **options):
        try:
            getattr(self, f'_{action}')(**options)
        except (learning.TrainingError, learning.ModelError, FileNotFoundError) as error:
            raise CommandError(str(error)) from error

    def _train(self, seed, random_seed, model, shared_data, **options):
        started = time.perf_counter()
        trained = train_model(seed=seed, path=model, shared_dir=shared_data, random_seed=random_seed)
        header = trained.header
        sources = ', '.join(f'{name} {count}' for name, count in header['sources'].items())
        self.stdout.write(
            f'Trained on {header["examples"]} paragraphs of {header["documents"]} documents ({sources}) '
            f'in {time.perf_counter() - started:.1f} s; codebook {header["codebook_version"]}, '
            f'data {header["data_version"][:12]}, seed {header["seed"]}.'
        )
        for code, counts in header['codes'].items():
            self.stdout.write(
                f'  {code}: {counts["positives"]} present, {counts["negatives"]} absent, '
                f'threshold {counts["threshold"]:.2f}'
            )
        if header['skipped']:
            self.stdout.write(f'Not trained (under {header["min_support"]} present in two documents): '
                              + ', '.join(sorted(header['skipped'])))  # fmt: skip
        self.stdout.write(f'Model written to {model or model_path()}.')

    def _propose(self, document, model, **options):
        learned = read_model(model)
        paragraphs = Paragraph.objects.filter(version__is_current=True).select_related('version__document')
        if document != 'all':
            found = Document.objects.filter(symbol=document) | Document.objects.filter(key=document)
            if not found.exists():
                raise CommandError(f'No document {document!r}: give a stored symbol or key, or "all".')
            paragraphs = paragraphs.filter(version__document__in=found)
        other_languages = paragraphs.exclude(version__document__language=learning.LANGUAGE)
        skipped = other_languages.values('version__document').distinct().count()
        paragraphs = list(
            paragraphs.filter(version__document__language=learning.LANGUAGE).order_by('version__document', 'order')
        )
        stored = 0
        for start in range(0, len(paragraphs), 2000):
            stored += store_proposals(learned, paragraphs[start : start + 2000])
        self.stdout.write(
            f'{stored} learned proposals stored for {len(paragraphs)} paragraphs (model {learned.version}).'
        )
        if skipped:
            self.stdout.write(f'{skipped} documents not in English skipped: the model reads English only.')

    def _evaluate(self, folds, random_seed, seed, shared_data, format, **options):
        codebook = load_codebook()
        examples = training_examples(seed=seed, shared_dir=shared_data or settings.SSRHUB_SHARED_DATA)
        result = learning.cross_validate(examples, codebook, folds=folds, seed=random_seed)
        if format == 'json':
            self.stdout.write(json.dumps(result.as_rows(), indent=2))
        else:
            self.stdout.write(f'codebook {codebook.version}\n' + result.as_text())
