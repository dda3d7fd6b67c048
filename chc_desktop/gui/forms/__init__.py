"""Forms compiled from ui/*.ui by ``make ui``; generated, do not edit."""
