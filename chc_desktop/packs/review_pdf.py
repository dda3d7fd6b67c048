"""Render the human-readable review PDF of one signed assessment with reportlab.

Pure apart from reportlab: takes a ReviewInput, returns the PDF bytes. Pages
are numbered "Page X of Y"; the last page carries the record digest and the
audit chain head so a reader can tie the paper to the signed data.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from chc_desktop.domain.assessment_doc import RATIONALE, AssessmentDoc
from chc_desktop.domain.assessment_edit import domains_for
from chc_desktop.packs.manifest import HEAD_TAG, RECORD_TAG

_FONT_DIR = Path(reportlab.__file__).parent / "fonts"
FONT, BOLD = "CHCVera", "CHCVera-Bold"
KIND_TITLES = {
    "dst": "Decision Support Tool",
    "checklist": "Checklist",
    "fast-track": "Fast Track Pathway Tool",
    "review": "Review",
}


@dataclass(frozen=True, slots=True)
class SignatureLine:
    """Who signed, as printed in the signature block."""

    name: str
    role: str
    profession: str | None
    meaning: str
    signed_at: str  # UTC ISO with Z
    certificate_sha256: str


@dataclass(frozen=True, slots=True)
class ReviewInput:
    """Everything the review PDF prints (minimal identifiers of the individual)."""

    doc: AssessmentDoc
    version: int
    individual: str
    nhs_number: str
    domain_names: dict[str, str]
    levels: dict[str, str]  # level code -> label
    pattern: str
    pattern_reasons: Sequence[str]
    findings: Sequence[tuple[str, str, str | None]]  # (severity, message, justification)
    signature: SignatureLine
    record_sha256: str
    audit_head: str
    generated_by: str = "CHC Desktop"
    extra: dict[str, Any] = field(default_factory=dict)


def _fonts() -> None:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(_FONT_DIR / "Vera.ttf")))
        pdfmetrics.registerFont(TTFont(BOLD, str(_FONT_DIR / "VeraBd.ttf")))


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=12)
    return {
        "body": body,
        "small": ParagraphStyle(
            "small", parent=body, fontSize=7.5, leading=9.5, textColor=colors.HexColor("#333333")
        ),
        "h1": ParagraphStyle(
            "h1", parent=body, fontName=BOLD, fontSize=15, leading=19, spaceAfter=4
        ),
        "h2": ParagraphStyle(
            "h2", parent=body, fontName=BOLD, fontSize=11.5, leading=15, spaceBefore=8, spaceAfter=4
        ),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8, leading=10),
        "cellb": ParagraphStyle("cellb", parent=body, fontName=BOLD, fontSize=8, leading=10),
    }


def _p(text: str | None, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text or "—").replace("\n", "<br/>"), style)


def _table(rows: list[list[Any]], widths: Sequence[float], header: bool = True) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#9aa0a6")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eaed")))
    table.setStyle(TableStyle(style))
    return table


@dataclass(slots=True)
class Slot:
    """Where the visible signature field goes: page index (0-based) and box in points."""

    page: int = -1
    box: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)


class _SignatureSlot(Flowable):  # type: ignore[misc]
    """An empty, outlined box that remembers where it was drawn (for the PAdES visible field)."""

    def __init__(self, slot: Slot, width: float, height: float) -> None:
        super().__init__()
        self._slot = slot
        self.width, self.height = width, height

    def draw(self) -> None:
        canvas = self.canv
        canvas.setStrokeColor(colors.HexColor("#9aa0a6"))
        canvas.rect(0, 0, self.width, self.height)
        x, y = canvas.absolutePosition(0, 0)
        self._slot.page = canvas.getPageNumber() - 1
        self._slot.box = (x, y, x + self.width, y + self.height)


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Defers page output so each page can say "Page X of Y"."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.setFont(FONT, 7.5)
            self.setFillColor(colors.HexColor("#555555"))
            self.drawString(
                18 * mm,
                10 * mm,
                "CHC Desktop review record. The MDT's recommendation; not an eligibility decision.",
            )
            self.drawRightString(A4[0] - 18 * mm, 10 * mm, f"Page {self._pageNumber} of {total}")
            super().showPage()
        super().save()


def render(data: ReviewInput) -> tuple[bytes, Slot]:
    """The review PDF for one signed assessment version, and where its signature field goes."""
    _fonts()
    s = _styles()
    doc = data.doc
    width = A4[0] - 36 * mm
    story: list[Any] = [
        Paragraph(
            f"NHS Continuing Healthcare: {KIND_TITLES.get(doc.kind, doc.kind)} record", s["h1"]
        ),
        _table(
            [
                [
                    _p("Case reference", s["cellb"]),
                    _p(doc.case_ref, s["cell"]),
                    _p("Version", s["cellb"]),
                    _p(str(data.version), s["cell"]),
                ],
                [
                    _p("Individual", s["cellb"]),
                    _p(data.individual, s["cell"]),
                    _p("NHS number", s["cellb"]),
                    _p(data.nhs_number, s["cell"]),
                ],
                [
                    _p("Assessment date", s["cellb"]),
                    _p(doc.date.isoformat() if doc.date else None, s["cell"]),
                    _p("Location", s["cellb"]),
                    _p(doc.location, s["cell"]),
                ],
                [
                    _p("Individual took part", s["cellb"]),
                    _p(
                        {True: "Yes", False: "No", None: "Not recorded"}[doc.individual_present],
                        s["cell"],
                    ),
                    _p("Representative", s["cellb"]),
                    _p(doc.representative, s["cell"]),
                ],
            ],
            [32 * mm, width / 2 - 32 * mm, 30 * mm, width / 2 - 30 * mm],
            header=False,
        ),
        Paragraph("Multidisciplinary team", s["h2"]),
        _table(
            [[_p(h, s["cellb"]) for h in ("Name", "Profession", "Role", "Present")]]
            + [
                [
                    _p(m.name, s["cell"]),
                    _p(m.profession.replace("_", " "), s["cell"]),
                    _p(m.role, s["cell"]),
                    _p("Yes" if m.present else "No", s["cell"]),
                ]
                for m in doc.participants
            ],
            [width * 0.35, width * 0.25, width * 0.25, width * 0.15],
        ),
    ]
    story += (
        _domains(data, s, width)
        + _pattern_and_recommendation(data, s, width)
        + _findings(data, s, width)
    )
    slot = Slot()
    story += _signature(data, s, width, slot)
    out = io.BytesIO()
    SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=f"CHC review {doc.case_ref} v{data.version}",
        author=data.signature.name,
        creator=data.generated_by,
        keywords=f"{RECORD_TAG}{data.record_sha256} {HEAD_TAG}{data.audit_head}",
    ).build(story, canvasmaker=_NumberedCanvas)
    return out.getvalue(), slot


def _domains(data: ReviewInput, s: dict[str, ParagraphStyle], width: float) -> list[Any]:
    doc = data.doc
    if doc.kind not in ("dst", "checklist"):
        rows = [
            [_p(k.replace("_", " ").capitalize(), s["cellb"]), _p(v, s["cell"])]
            for k, v in doc.details.items()
        ]
        return [
            Paragraph("Record", s["h2"]),
            _table(
                rows or [[_p("—", s["cell"]), _p("—", s["cell"])]],
                [width * 0.3, width * 0.7],
                header=False,
            ),
        ]
    heading = "Care domains" if doc.kind == "dst" else "Checklist domains"
    rows = [
        [
            _p(h, s["cellb"])
            for h in (
                "Domain",
                "Level" if doc.kind == "dst" else "Answer",
                "Evidence and sources",
                "Individual's view",
            )
        ]
    ]
    for code in domains_for(doc.kind):
        r = doc.domains.get(code)
        value = (
            (r.level and data.levels.get(r.level, r.level))
            if r and doc.kind == "dst"
            else (r.answer if r else None)
        )
        evidence = (
            (r.evidence or "—") + (f"\nSources: {', '.join(r.sources)}" if r and r.sources else "")
            if r
            else None
        )
        view = None
        if r:
            agreed = {True: "Agrees", False: "Disagrees", None: ""}[r.agreed]
            view = " ".join(x for x in (r.individual_view, agreed, r.disagreement) if x)
        rows.append(
            [
                _p(data.domain_names.get(code, code), s["cell"]),
                _p(value, s["cell"]),
                _p(evidence, s["cell"]),
                _p(view, s["cell"]),
            ]
        )
    return [
        Paragraph(heading, s["h2"]),
        _table(rows, [width * 0.2, width * 0.1, width * 0.45, width * 0.25]),
    ]


def _pattern_and_recommendation(
    data: ReviewInput, s: dict[str, ParagraphStyle], width: float
) -> list[Any]:
    if data.doc.kind != "dst":
        return []
    rec = data.doc.recommendation
    outcome = {
        True: "Primary health need recommended",
        False: "Primary health need not recommended",
        None: "Not recorded",
    }[rec.primary_health_need]
    rows = [[_p(k.capitalize(), s["cellb"]), _p(getattr(rec, k), s["cell"])] for k in RATIONALE]
    rows += [
        [_p("Individual's view", s["cellb"]), _p(rec.individual_view, s["cell"])],
        [_p("Dissent", s["cellb"]), _p(rec.dissent, s["cell"])],
    ]
    return [
        Paragraph("Pattern of needs (for discussion; not a decision)", s["h2"]),
        _p(f"{data.pattern.capitalize()}: " + "; ".join(data.pattern_reasons), s["body"]),
        KeepTogether(
            [
                Paragraph("The MDT's recommendation", s["h2"]),
                _p(outcome, s["body"]),
                Spacer(1, 3),
                _table(rows, [width * 0.22, width * 0.78], header=False),
            ]
        ),
    ]


def _findings(data: ReviewInput, s: dict[str, ParagraphStyle], width: float) -> list[Any]:
    rows = [[_p(h, s["cellb"]) for h in ("Severity", "Quality finding", "Acknowledged because")]]
    rows += [
        [_p(sev, s["cell"]), _p(msg, s["cell"]), _p(why, s["cell"])]
        for sev, msg, why in data.findings
    ]
    if len(rows) == 1:
        return [Paragraph("Quality checks", s["h2"]), _p("No findings.", s["body"])]
    return [
        Paragraph("Quality checks", s["h2"]),
        _table(rows, [width * 0.12, width * 0.5, width * 0.38]),
    ]


def _signature(
    data: ReviewInput, s: dict[str, ParagraphStyle], width: float, slot: Slot
) -> list[Any]:
    sig = data.signature
    rows = [
        [_p("Signed by", s["cellb"]), _p(sig.name, s["cell"])],
        [
            _p("Role and profession", s["cellb"]),
            _p(f"{sig.role}, {sig.profession or 'profession not given'}", s["cell"]),
        ],
        [_p("Meaning", s["cellb"]), _p(sig.meaning, s["cell"])],
        [_p("Signed at (UTC)", s["cellb"]), _p(sig.signed_at, s["cell"])],
        [_p("Certificate SHA-256", s["cellb"]), _p(sig.certificate_sha256, s["small"])],
        [_p("Record SHA-256", s["cellb"]), _p(data.record_sha256, s["small"])],
        [_p("Audit chain head", s["cellb"]), _p(data.audit_head, s["small"])],
    ]
    note = (
        "The record digest is the SHA-256 of this assessment's canonical JSON in the review pack; "
        "the audit chain head is the hash of the last audit event when it was signed."
    )
    return [
        KeepTogether(
            [
                Paragraph("Signature", s["h2"]),
                _table(rows, [width * 0.25, width * 0.75], header=False),
                Spacer(1, 4),
                _p(note, s["small"]),
                Spacer(1, 6),
                _p("Electronic signature (PAdES):", s["small"]),
                _SignatureSlot(slot, 90 * mm, 24 * mm),
            ]
        )
    ]
