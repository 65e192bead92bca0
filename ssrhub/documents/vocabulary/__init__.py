"""Opening words of Security Council paragraphs in English and French, shared by the segmenter and the force reader.

`english` and `french` hold the verbs (with their force tier), preambular adjectives, adverbs and fixed phrases
that open a paragraph. `ssrhub.documents.structure` reads them to tell preambular from operative paragraphs and
`ssrhub.coding.force` to place the opening verb on the force scale, so a word added here counts for both.
"""
