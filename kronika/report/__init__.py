"""The HTML report: one self-contained file of figures, charts, evidence and conflicts.

    write_report(build_figures(claims), find_conflicts(figures), "report.html")
"""
from kronika.report.page import render_report, write_report

__all__ = ["render_report", "write_report"]
