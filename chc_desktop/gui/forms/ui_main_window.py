# Generated from ui/main_window.ui by `make ui` (pyside6-uic). Do not edit: change the .ui file.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QFormLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QMainWindow, QMenu, QMenuBar, QSizePolicy,
    QSpacerItem, QSplitter, QStatusBar, QTableView,
    QVBoxLayout, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1280, 720)
        self.actionOpenCase = QAction(MainWindow)
        self.actionOpenCase.setObjectName(u"actionOpenCase")
        self.actionImport = QAction(MainWindow)
        self.actionImport.setObjectName(u"actionImport")
        self.actionVerifyPacks = QAction(MainWindow)
        self.actionVerifyPacks.setObjectName(u"actionVerifyPacks")
        self.actionBackupNow = QAction(MainWindow)
        self.actionBackupNow.setObjectName(u"actionBackupNow")
        self.actionRestore = QAction(MainWindow)
        self.actionRestore.setObjectName(u"actionRestore")
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
        self.actionFind = QAction(MainWindow)
        self.actionFind.setObjectName(u"actionFind")
        self.actionRefresh = QAction(MainWindow)
        self.actionRefresh.setObjectName(u"actionRefresh")
        self.actionShortcuts = QAction(MainWindow)
        self.actionShortcuts.setObjectName(u"actionShortcuts")
        self.actionAbout = QAction(MainWindow)
        self.actionAbout.setObjectName(u"actionAbout")
        self.central = QWidget(MainWindow)
        self.central.setObjectName(u"central")
        self.centralLayout = QVBoxLayout(self.central)
        self.centralLayout.setObjectName(u"centralLayout")
        self.filterRow = QHBoxLayout()
        self.filterRow.setObjectName(u"filterRow")
        self.filterLabel = QLabel(self.central)
        self.filterLabel.setObjectName(u"filterLabel")

        self.filterRow.addWidget(self.filterLabel)

        self.filterEdit = QLineEdit(self.central)
        self.filterEdit.setObjectName(u"filterEdit")
        self.filterEdit.setClearButtonEnabled(True)

        self.filterRow.addWidget(self.filterEdit)


        self.centralLayout.addLayout(self.filterRow)

        self.splitter = QSplitter(self.central)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.caseTable = QTableView(self.splitter)
        self.caseTable.setObjectName(u"caseTable")
        self.caseTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.caseTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.caseTable.setAlternatingRowColors(True)
        self.caseTable.setSortingEnabled(True)
        self.caseTable.setWordWrap(False)
        self.caseTable.setTabKeyNavigation(False)
        self.splitter.addWidget(self.caseTable)
        self.detailBox = QGroupBox(self.splitter)
        self.detailBox.setObjectName(u"detailBox")
        self.detailBox.setMinimumSize(QSize(300, 0))
        self.detailLayout = QVBoxLayout(self.detailBox)
        self.detailLayout.setObjectName(u"detailLayout")
        self.detailPlaceholder = QLabel(self.detailBox)
        self.detailPlaceholder.setObjectName(u"detailPlaceholder")
        self.detailPlaceholder.setWordWrap(True)

        self.detailLayout.addWidget(self.detailPlaceholder)

        self.detailForm = QFormLayout()
        self.detailForm.setObjectName(u"detailForm")

        self.detailLayout.addLayout(self.detailForm)

        self.detailSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.detailLayout.addItem(self.detailSpacer)

        self.splitter.addWidget(self.detailBox)

        self.centralLayout.addWidget(self.splitter)

        MainWindow.setCentralWidget(self.central)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.menuFile = QMenu(self.menubar)
        self.menuFile.setObjectName(u"menuFile")
        self.menuView = QMenu(self.menubar)
        self.menuView.setObjectName(u"menuView")
        self.menuHelp = QMenu(self.menubar)
        self.menuHelp.setObjectName(u"menuHelp")
        MainWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)
#if QT_CONFIG(shortcut)
        self.filterLabel.setBuddy(self.filterEdit)
#endif // QT_CONFIG(shortcut)

        self.menubar.addAction(self.menuFile.menuAction())
        self.menubar.addAction(self.menuView.menuAction())
        self.menubar.addAction(self.menuHelp.menuAction())
        self.menuFile.addAction(self.actionOpenCase)
        self.menuFile.addAction(self.actionImport)
        self.menuFile.addAction(self.actionVerifyPacks)
        self.menuFile.addAction(self.actionBackupNow)
        self.menuFile.addAction(self.actionRestore)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionQuit)
        self.menuView.addAction(self.actionFind)
        self.menuView.addAction(self.actionRefresh)
        self.menuHelp.addAction(self.actionShortcuts)
        self.menuHelp.addAction(self.actionAbout)

        self.retranslateUi(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"CHC Desktop", None))
        self.actionOpenCase.setText(QCoreApplication.translate("MainWindow", u"&Open case\u2026", None))
#if QT_CONFIG(shortcut)
        self.actionOpenCase.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+O", None))
#endif // QT_CONFIG(shortcut)
#if QT_CONFIG(tooltip)
        self.actionOpenCase.setToolTip(QCoreApplication.translate("MainWindow", u"Resume or start an assessment for the selected case (Ctrl+O, or Enter in the list)", None))
#endif // QT_CONFIG(tooltip)
        self.actionImport.setText(QCoreApplication.translate("MainWindow", u"&Import cases\u2026", None))
#if QT_CONFIG(shortcut)
        self.actionImport.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+I", None))
#endif // QT_CONFIG(shortcut)
#if QT_CONFIG(tooltip)
        self.actionImport.setToolTip(QCoreApplication.translate("MainWindow", u"Import assigned cases from a CSV or JSON file (Ctrl+I)", None))
#endif // QT_CONFIG(tooltip)
        self.actionVerifyPacks.setText(QCoreApplication.translate("MainWindow", u"&Verify review packs\u2026", None))
#if QT_CONFIG(shortcut)
        self.actionVerifyPacks.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Shift+V", None))
#endif // QT_CONFIG(shortcut)
#if QT_CONFIG(tooltip)
        self.actionVerifyPacks.setToolTip(QCoreApplication.translate("MainWindow", u"Check that review packs are intact and who signed them (Ctrl+Shift+V)", None))
#endif // QT_CONFIG(tooltip)
        self.actionBackupNow.setText(QCoreApplication.translate("MainWindow", u"&Back up now", None))
#if QT_CONFIG(tooltip)
        self.actionBackupNow.setToolTip(QCoreApplication.translate("MainWindow", u"Make and check an encrypted backup of this profile now (backups are also made daily)", None))
#endif // QT_CONFIG(tooltip)
        self.actionRestore.setText(QCoreApplication.translate("MainWindow", u"&Restore from backup\u2026", None))
#if QT_CONFIG(tooltip)
        self.actionRestore.setToolTip(QCoreApplication.translate("MainWindow", u"Put an earlier backup in place; the current store is kept aside", None))
#endif // QT_CONFIG(tooltip)
        self.actionQuit.setText(QCoreApplication.translate("MainWindow", u"&Quit", None))
#if QT_CONFIG(shortcut)
        self.actionQuit.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+Q", None))
#endif // QT_CONFIG(shortcut)
        self.actionFind.setText(QCoreApplication.translate("MainWindow", u"&Find cases", None))
#if QT_CONFIG(shortcut)
        self.actionFind.setShortcut(QCoreApplication.translate("MainWindow", u"Ctrl+F", None))
#endif // QT_CONFIG(shortcut)
        self.actionRefresh.setText(QCoreApplication.translate("MainWindow", u"&Refresh", None))
#if QT_CONFIG(shortcut)
        self.actionRefresh.setShortcut(QCoreApplication.translate("MainWindow", u"F5", None))
#endif // QT_CONFIG(shortcut)
        self.actionShortcuts.setText(QCoreApplication.translate("MainWindow", u"&Keyboard shortcuts", None))
#if QT_CONFIG(shortcut)
        self.actionShortcuts.setShortcut(QCoreApplication.translate("MainWindow", u"F1", None))
#endif // QT_CONFIG(shortcut)
        self.actionAbout.setText(QCoreApplication.translate("MainWindow", u"&About CHC Desktop", None))
        self.filterLabel.setText(QCoreApplication.translate("MainWindow", u"&Find:", None))
        self.filterEdit.setPlaceholderText(QCoreApplication.translate("MainWindow", u"Type a reference, name or NHS number (Ctrl+F)", None))
#if QT_CONFIG(accessibility)
        self.filterEdit.setAccessibleName(QCoreApplication.translate("MainWindow", u"Find cases", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.filterEdit.setAccessibleDescription(QCoreApplication.translate("MainWindow", u"Filters the case list by reference, name or NHS number as you type", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.caseTable.setAccessibleName(QCoreApplication.translate("MainWindow", u"Case list", None))
#endif // QT_CONFIG(accessibility)
        self.detailBox.setTitle(QCoreApplication.translate("MainWindow", u"Selected case", None))
#if QT_CONFIG(accessibility)
        self.detailBox.setAccessibleName(QCoreApplication.translate("MainWindow", u"Selected case details", None))
#endif // QT_CONFIG(accessibility)
        self.detailPlaceholder.setText(QCoreApplication.translate("MainWindow", u"Select a case to see its details.", None))
        self.menuFile.setTitle(QCoreApplication.translate("MainWindow", u"&File", None))
        self.menuView.setTitle(QCoreApplication.translate("MainWindow", u"&View", None))
        self.menuHelp.setTitle(QCoreApplication.translate("MainWindow", u"&Help", None))
    # retranslateUi

