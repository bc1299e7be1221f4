"""Payments recorded from an org's own payment system (its shop, its ERP)."""
