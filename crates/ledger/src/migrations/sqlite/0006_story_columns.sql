-- Step 6: a story's documents, figures and registry quotes in listing order, read from an
-- index per story.
--
-- A story page lists a story's first figures by day and its most repeated quotes. Found through
-- the story's members, they were gathered and sorted (a story of a thousand documents holds ten
-- thousand figures); walked along the ledger's listing, a story of one document in three hundred
-- passed three hundred rows for each of its own. Each figure and registry quote now carries its
-- story (a registry quote: the story of the document it first appeared in), indexed in listing
-- order. Triggers keep the copy true wherever a document's story is set or changed (placing,
-- merging stories), wherever a registry quote's first document changes, and for rows stored
-- after their document was placed: no code path can forget it.

-- A story's documents in the documents list's order (publication date, source, id), from an
-- index of its own: the first page of a story of a thousand documents was found by gathering
-- and sorting all of them.
ALTER TABLE story_documents ADD COLUMN published TEXT;
ALTER TABLE story_documents ADD COLUMN source TEXT;
UPDATE story_documents SET (published, source) = (
    SELECT d.published, d.source FROM documents d WHERE d.id = story_documents.document_id);
CREATE INDEX story_documents_listing ON story_documents(story_id, published, source, document_id);

ALTER TABLE figures ADD COLUMN story_id INTEGER;
UPDATE figures SET story_id = (
    SELECT sd.story_id FROM story_documents sd WHERE sd.document_id = figures.document_id);
-- In day order: a story's figures of one day are few enough to sort by source.
CREATE INDEX figures_story ON figures(story_id, day);

ALTER TABLE quote_registry ADD COLUMN story_id INTEGER;
UPDATE quote_registry SET story_id = (
    SELECT sd.story_id FROM story_documents sd WHERE sd.document_id = quote_registry.first_document_id);
CREATE INDEX quote_registry_story ON quote_registry(story_id, documents DESC, first_date, id);

CREATE TRIGGER story_documents_placed AFTER INSERT ON story_documents BEGIN
    UPDATE figures SET story_id = NEW.story_id WHERE document_id = NEW.document_id;
    UPDATE quote_registry SET story_id = NEW.story_id WHERE first_document_id = NEW.document_id;
END;
CREATE TRIGGER story_documents_moved AFTER UPDATE OF story_id ON story_documents BEGIN
    UPDATE figures SET story_id = NEW.story_id WHERE document_id = NEW.document_id;
    UPDATE quote_registry SET story_id = NEW.story_id WHERE first_document_id = NEW.document_id;
END;
CREATE TRIGGER figures_stored AFTER INSERT ON figures
WHEN EXISTS (SELECT 1 FROM story_documents WHERE document_id = NEW.document_id) BEGIN
    UPDATE figures SET story_id = (
        SELECT story_id FROM story_documents WHERE document_id = NEW.document_id)
    WHERE document_id = NEW.document_id AND position = NEW.position;
END;
CREATE TRIGGER quote_registry_stored AFTER INSERT ON quote_registry
WHEN EXISTS (SELECT 1 FROM story_documents WHERE document_id = NEW.first_document_id) BEGIN
    UPDATE quote_registry SET story_id = (
        SELECT story_id FROM story_documents WHERE document_id = NEW.first_document_id)
    WHERE id = NEW.id;
END;
CREATE TRIGGER quote_registry_first_moved AFTER UPDATE OF first_document_id ON quote_registry BEGIN
    UPDATE quote_registry SET story_id = (
        SELECT story_id FROM story_documents WHERE document_id = NEW.first_document_id)
    WHERE id = NEW.id;
END;
