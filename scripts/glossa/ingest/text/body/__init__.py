"""Body lines -> headings, paragraphs, list items, tables, captions and asides, with the
notes' markers taken out: the body reader (`reader.BodyReader`), in modules.

    reader      the pass over the lines, each read as what it is (BodyReader)
    state       the reader's state and the drafts it makes blocks of (BodyState)
    marks       note markers' sentinels in a draft's text; drop caps
    headings    where a heading stands and on how many lines (Headings)
    lists       bullets and labels set apart, list items (Lists)
    paragraphs  where a paragraph breaks: prose, letters, signatures, quotations (Paragraphs)
    tables      captioned spans, cells, wide cells (Tables)
    asides      boxes read as asides (Asides)

Each part is a class over BodyState; BodyReader is all of them together.
"""
