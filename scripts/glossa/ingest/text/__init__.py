"""Plain text (copied from a PDF or a web page) -> a Reading: the text reader, a module per
stage, run in order by `pipeline.ingest_text`.

    pipeline    decoded text -> a Reading: the stages below, in order
    pages       source text -> numbered lines, each with its page
    furniture   numbered lines -> running heads and feet, page numbers, contents entries
    front       the opening lines -> title, subtitle, series, front matter
    pagenotes   PDF text, page by page -> the notes at each page's foot
    notes       the end of the text -> its numbered notes list
    body/       body lines -> headings, paragraphs, items, tables, captions, asides
"""
