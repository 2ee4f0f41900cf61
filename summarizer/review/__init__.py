"""Review pages: a summary beside its article, with the evidence highlighted.

``page(summary, ArticleView(text=...))`` renders one self-contained HTML page: the article with every
grounded fact highlighted as a ``<mark>`` coloured by field group, the incidents as cards (main first),
the facts the article does not support, and the provenance and warnings at the foot.
``article_page`` does the same for an article read by ``summarizer.article``, and ``write_run`` turns a
corpus run's JSONL output into an index page and one page per article.

    facts    the summary's facts in page order; the article cut into properly nested highlight pieces
    html     the jinja2 environment (autoescape on), the page and index renderers
    corpus   reading a corpus run's JSONL output, writing its pages
    cli      ``summarizer review OUT.jsonl -o DIR``
"""

from __future__ import annotations

from pathlib import Path

from summarizer.article import Article
from summarizer.review.corpus import Record, Written
from summarizer.review.corpus import read as read_run
from summarizer.review.corpus import write as write_run
from summarizer.review.html import ArticleView, Row, index, page
from summarizer.schema import Summary

__all__ = ["ArticleView", "Record", "Row", "Written", "article_page", "index", "page", "read_run", "write_run"]


def article_page(summary: Summary, article: Article, published: str | None = None) -> str:
    """The review page of one article as ``summarizer ARTICLE`` read it."""
    title = article.title or (Path(article.source).name if article.source not in ("stdin", "input") else None)
    view = ArticleView(title=title, text=article.text, source=article.source, published=published)
    return page(summary, view)
