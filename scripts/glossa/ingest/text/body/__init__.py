"""Body lines -> headings, paragraphs, list items, tables, captions and asides, with the
notes' markers taken out: the body reader (`reader.BodyReader`), in modules."""
